import { DEFAULT_TRACE_RATIO, telemetryEnabled, traceRatio } from './telemetry';

describe('telemetry settings', () => {
  it('is on only with an OTLP endpoint and not disabled', () => {
    expect(telemetryEnabled({})).toBe(false);
    expect(telemetryEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(telemetryEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(telemetryEnabled({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  });

  it.each([
    [undefined, DEFAULT_TRACE_RATIO],
    ['', DEFAULT_TRACE_RATIO],
    ['0.25', 0.25],
    ['1', 1],
    ['0', 0],
    ['2', DEFAULT_TRACE_RATIO],
    ['half', DEFAULT_TRACE_RATIO],
  ])('reads the ratio %p as %p', (arg, ratio) => {
    expect(traceRatio(arg === undefined ? {} : { OTEL_TRACES_SAMPLER_ARG: arg })).toBe(ratio);
  });
});
