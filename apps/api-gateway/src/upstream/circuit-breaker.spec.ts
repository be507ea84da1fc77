import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = () => new CircuitBreaker({ failureThreshold: 3, openMs: 10_000 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('stays closed below the threshold, and a success resets the count', () => {
    const circuit = breaker();
    circuit.failed();
    circuit.failed();
    circuit.succeeded();
    circuit.failed();
    circuit.failed();
    expect(circuit.state).toBe('closed');
    expect(circuit.permit()).toEqual({ allowed: true });
  });

  it('opens after consecutive failures and says when to retry', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    expect(circuit.state).toBe('open');
    now += 4_000;
    expect(circuit.permit()).toEqual({ allowed: false, retryAfterMs: 6_000 });
  });

  it('lets exactly one trial through after the open period; its success closes the circuit', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    now += 10_000;
    expect(circuit.permit()).toEqual({ allowed: true });
    expect(circuit.permit().allowed).toBe(false);
    circuit.succeeded();
    expect(circuit.state).toBe('closed');
  });

  it('reopens for another full period when the trial fails', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    now += 10_000;
    circuit.permit();
    circuit.failed();
    expect(circuit.state).toBe('open');
    expect(circuit.permit()).toEqual({ allowed: false, retryAfterMs: 10_000 });
  });
});
