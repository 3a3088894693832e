// Grafana's Content-Security-Policy, as `[security] content_security_policy = true` sends it.
import { randomBytes } from 'node:crypto';

/** `content_security_policy_template` from Grafana's conf/defaults.ini (12.4). */
export const GRAFANA_DEFAULT_CSP_TEMPLATE =
  "script-src 'self' 'unsafe-eval' 'unsafe-inline' 'strict-dynamic' $NONCE;object-src 'none';font-src 'self';" +
  "style-src 'self' 'unsafe-inline' blob:;img-src * data:;base-uri 'self';" +
  "connect-src 'self' grafana.com ws://$ROOT_PATH wss://$ROOT_PATH;manifest-src 'self';media-src 'none';form-action 'self';";

/** A fresh nonce per page, as pkg/middleware/csp.go GenerateNonce: 16 random bytes, unpadded base64. */
export function newNonce() {
  return randomBytes(16).toString('base64').replace(/=+$/, '');
}

/**
 * The header value for one request, filled as pkg/middleware/csp.go ReplacePolicyVariables fills
 * the template: $NONCE becomes 'nonce-…', $ROOT_PATH the app URL without its scheme, the embedding
 * hosts 'none' and the extra form-action hosts nothing (the defaults of both settings).
 */
export function fillPolicy(template, appUrl, nonce) {
  return template
    .replaceAll('$NONCE', `'nonce-${nonce}'`)
    .replaceAll('$ROOT_PATH', appUrl.replace(/^\w+:(\/\/)?/, ''))
    .replaceAll('$ALLOW_EMBEDDING_HOSTS', "'none'")
    .replaceAll('$FORM_ACTION_ADDITIONAL_HOSTS', '');
}
