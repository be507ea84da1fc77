import type { TaskStatus } from '@ains/contracts';
import { InvalidTransitionError, canTransition, isTerminal, transition, type TaskAction } from './task-state-machine';

describe('task state machine', () => {
  it.each<[TaskStatus, TaskAction, TaskStatus]>([
    ['pending', 'queue', 'queued'],
    ['pending', 'block', 'blocked'],
    ['blocked', 'queue', 'queued'],
    ['queued', 'assign', 'assigned'],
    ['assigned', 'start', 'running'],
    ['running', 'complete', 'completed'],
    ['running', 'fail', 'failed'],
    ['assigned', 'time_out', 'timed_out'],
    ['running', 'time_out', 'timed_out'],
    ['running', 'requeue', 'queued'],
    ['failed', 'requeue', 'queued'],
    ['failed', 'dead_letter', 'dead_lettered'],
    ['timed_out', 'dead_letter', 'dead_lettered'],
    ['dead_lettered', 'retry', 'queued'],
    ['running', 'cancel', 'cancelled'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toBe(to);
  });

  it.each<[TaskStatus, TaskAction]>([
    ['completed', 'cancel'],
    ['cancelled', 'retry'],
    ['completed', 'retry'],
    ['queued', 'start'],
    ['assigned', 'complete'],
    ['blocked', 'assign'],
    ['dead_lettered', 'cancel'],
    ['completed', 'fail'],
  ])('refuses %s --%s-->', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    expect(() => transition(from, action)).toThrow(InvalidTransitionError);
  });

  it('names the state and the action in the error', () => {
    expect(() => transition('completed', 'time_out')).toThrow('A task that is completed cannot be timed out.');
    expect(() => transition('cancelled', 'cancel')).toThrow('The task is already cancelled.');
    expect(() => transition('dead_lettered', 'start')).toThrow('A task that is dead lettered cannot be started.');
  });

  it('treats failed and timed-out tasks as terminal only when no retry is due', () => {
    expect(isTerminal('failed', null)).toBe(true);
    expect(isTerminal('failed', new Date())).toBe(false);
    expect(isTerminal('timed_out', new Date())).toBe(false);
    expect(isTerminal('dead_lettered', null)).toBe(true);
    expect(isTerminal('running', null)).toBe(false);
  });
});
