import { AssignerProtocol, type GroupDescription } from 'kafkajs';
import { lagByTopic, subscribedTopics } from './consumer-lag';

describe('lagByTopic', () => {
  const ranges = new Map([
    [
      'ains.task.v1',
      [
        { partition: 0, low: '0', high: '120' },
        { partition: 1, low: '0', high: '80' },
        { partition: 2, low: '0', high: '0' },
      ],
    ],
  ]);

  it('adds up, over the partitions, the log end minus the committed offset', () => {
    const committed = [{ topic: 'ains.task.v1', partitions: [{ partition: 0, offset: '100' }, { partition: 1, offset: '80' }, { partition: 2, offset: '0' }] }];
    expect(lagByTopic(ranges, committed)).toEqual(new Map([['ains.task.v1', 20]]));
  });

  it('counts every retained message of a partition the group has committed nothing on', () => {
    const committed = [{ topic: 'ains.task.v1', partitions: [{ partition: 0, offset: '-1' }, { partition: 1, offset: '80' }] }];
    expect(lagByTopic(ranges, committed)).toEqual(new Map([['ains.task.v1', 120]]));
  });

  it('reports a subscribed topic without any committed offset in full', () => {
    expect(lagByTopic(ranges, [])).toEqual(new Map([['ains.task.v1', 200]]));
  });

  it('counts from the oldest retained message when retention has overtaken the committed offset', () => {
    const trimmed = new Map([['ains.agent.v1', [{ partition: 0, low: '500', high: '530' }]]]);
    expect(lagByTopic(trimmed, [{ topic: 'ains.agent.v1', partitions: [{ partition: 0, offset: '20' }] }])).toEqual(new Map([['ains.agent.v1', 30]]));
  });

  it('never reports a negative lag when a commit is newer than the end offset read before it', () => {
    const read = new Map([['ains.trust.v1', [{ partition: 0, low: '0', high: '10' }]]]);
    expect(lagByTopic(read, [{ topic: 'ains.trust.v1', partitions: [{ partition: 0, offset: '12' }] }])).toEqual(new Map([['ains.trust.v1', 0]]));
  });

  it('keeps the topics apart', () => {
    const two = new Map([
      ['ains.task.v1', [{ partition: 0, low: '0', high: '7' }]],
      ['ains.agent.v1', [{ partition: 0, low: '0', high: '3' }]],
    ]);
    const committed = [
      { topic: 'ains.task.v1', partitions: [{ partition: 0, offset: '5' }] },
      { topic: 'ains.agent.v1', partitions: [{ partition: 0, offset: '3' }] },
    ];
    expect(lagByTopic(two, committed)).toEqual(
      new Map([
        ['ains.task.v1', 2],
        ['ains.agent.v1', 0],
      ]),
    );
  });
});

describe('subscribedTopics', () => {
  const member = (topics: string[] | undefined) => ({
    memberId: 'm',
    clientId: 'c',
    clientHost: 'h',
    memberAssignment: Buffer.alloc(0),
    memberMetadata: topics ? AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }) : Buffer.alloc(0),
  });
  const group = (members: GroupDescription['members']): GroupDescription => ({ groupId: 'g', members, protocol: 'RoundRobinAssigner', protocolType: 'consumer', state: 'Stable' });

  it('reads the topics from the members’ join metadata, each once', () => {
    expect(subscribedTopics(group([member(['ains.task.v1', 'ains.trust.v1']), member(['ains.task.v1'])]))).toEqual(['ains.task.v1', 'ains.trust.v1']);
  });

  it('has none for an empty group, a member without metadata, or no description', () => {
    expect(subscribedTopics(group([]))).toEqual([]);
    expect(subscribedTopics(group([member(undefined)]))).toEqual([]);
    expect(subscribedTopics(undefined)).toEqual([]);
  });
});
