/**
 * The few global rules the shell needs. @grafana/ui's GlobalStyles would also pull Grafana's Inter
 * and Roboto Mono font files, which ship with Grafana's server and in no package.
 */
import { injectGlobal } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

export function applyGlobalStyles(theme: GrafanaTheme2): void {
  injectGlobal`
    *, *::before, *::after { box-sizing: border-box; }
    html, body { margin: 0; height: 100%; }
    body {
      background: ${theme.colors.background.canvas};
      color: ${theme.colors.text.primary};
      font-family: ${theme.typography.fontFamily};
      font-size: ${theme.typography.body.fontSize};
      line-height: ${theme.typography.body.lineHeight};
    }
    a { color: ${theme.colors.text.link}; text-decoration: none; }
    a:hover { text-decoration: underline; }
    h1, h2, h3 { font-weight: ${theme.typography.fontWeightMedium}; margin: 0 0 ${theme.spacing(1)}; }
    table { border-collapse: collapse; }
    th, td { text-align: left; padding: ${theme.spacing(0.5, 1)}; }
  `;
}
