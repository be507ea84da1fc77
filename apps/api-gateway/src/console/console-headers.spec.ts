import { CONSOLE_CSP, assetContentType } from './console-headers';

describe('console headers', () => {
  it('allow no inline script or style and no other origin', () => {
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).toContain("style-src 'self'");
    expect(CONSOLE_CSP).toContain("default-src 'none'");
    expect(CONSOLE_CSP).not.toContain('unsafe');
    expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
  });

  it('serve only the files the console build writes', () => {
    expect(assetContentType('app.0123456789abcdef.js')).toBe('text/javascript; charset=utf-8');
    expect(assetContentType('styles.0123456789abcdef.css')).toBe('text/css; charset=utf-8');
    for (const name of ['../main.js', 'app.js', 'app.0123456789abcdef.js.map', 'index.html', '%2e%2e%2fmain.js']) expect(assetContentType(name)).toBeUndefined();
  });
});
