/**
 * Sliding-window log, atomically in Redis: each admitted request is a member of a sorted set
 * scored by its time; members older than the window are dropped before counting. Time comes
 * from the Redis server, so every instance counts against the same clock. `consumeWindow`
 * (sliding-window-log.ts) is the same arithmetic in process: change both together.
 *
 * KEYS[1] per-minute log, KEYS[2] per-second log
 * ARGV[1] per-minute limit, ARGV[2] per-second limit (0: none), ARGV[3] unique member suffix
 * Returns { admitted (1|0), remaining in the minute, ms until the minute window frees a slot,
 *           ms until a rejected request may succeed (0 when admitted) }
 */
export const SLIDING_WINDOW_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

local function inspect(key, size, limit)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - size)
  local count = redis.call('ZCARD', key)
  local wait = 0
  if count >= limit then
    local blocking = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    wait = tonumber(blocking[2]) + size - now
    if wait < 1 then wait = 1 end
  end
  return count, wait
end

local perMinute = tonumber(ARGV[1])
local perSecond = tonumber(ARGV[2])
local minuteCount, minuteWait = inspect(KEYS[1], 60000, perMinute)
local secondWait = 0
if perSecond > 0 then
  local _
  _, secondWait = inspect(KEYS[2], 1000, perSecond)
end

local function resetOf(count)
  if count == 0 then return 60000 end
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tonumber(oldest[2]) + 60000 - now
end

if minuteWait > 0 or secondWait > 0 then
  return { 0, math.max(perMinute - minuteCount, 0), resetOf(minuteCount), math.max(minuteWait, secondWait) }
end

local member = now .. '-' .. ARGV[3]
redis.call('ZADD', KEYS[1], now, member)
redis.call('PEXPIRE', KEYS[1], 60000)
if perSecond > 0 then
  redis.call('ZADD', KEYS[2], now, member)
  redis.call('PEXPIRE', KEYS[2], 1000)
end
return { 1, perMinute - minuteCount - 1, resetOf(minuteCount), 0 }
`;
