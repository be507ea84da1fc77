import { z } from 'zod';
import { deliveryIdFor, messageIdFor } from './message-identity';

describe('message identity', () => {
  const event = '0b0e7c4e-8c55-4d47-9d0c-7b51b2a7c111';
  const endpointA = '5a0e7c4e-8c55-4d47-9d0c-7b51b2a7c222';
  const endpointB = '6a0e7c4e-8c55-4d47-9d0c-7b51b2a7c333';

  it('is stable for one event and endpoint and differs between endpoints', () => {
    expect(messageIdFor(event, endpointA)).toBe(messageIdFor(event, endpointA));
    expect(messageIdFor(event, endpointA)).not.toBe(messageIdFor(event, endpointB));
    expect(messageIdFor(event, endpointA)).toMatch(/^msg_[A-Za-z0-9_-]{27}$/);
  });

  it('derives delivery ids that are valid UUIDs', () => {
    const id = deliveryIdFor(event, endpointA);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(deliveryIdFor(event, endpointA)).toBe(id);
    expect(deliveryIdFor(event, endpointB)).not.toBe(id);
  });
});
