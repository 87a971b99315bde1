/**
 * Secrets that show up in command lines and their output, replaced before anything is sent:
 * passwords in arguments, bearer tokens, AWS keys, private keys and connection strings.
 */
const RULES: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[private key redacted]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '[aws key redacted]'],
  [/\b(aws_secret_access_key|aws_session_token)(\s*[=:]\s*)\S+/gi, '$1$2[redacted]'],
  // scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):[^\s@/]+@/gi, '$1:[redacted]@'],
  // Password=…; in ADO/ODBC strings, password=… and token=… pairs
  [/\b(password|passwd|pwd|secret|token|api[_-]?key|client[_-]?secret)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s;&]+)/gi, '$1$2[redacted]'],
  // --password X, --password=X, -Password X (PowerShell), --token X
  [/(^|\s)(--?(?:password|passwd|pass|pwd|token|secret|api-key|client-secret))(\s+|=)("[^"]*"|'[^']*'|\S+)/gi, '$1$2$3[redacted]'],
  // ConvertTo-SecureString "…" -AsPlainText
  [/(ConvertTo-SecureString\s+)("[^"]*"|'[^']*'|\S+)/gi, '$1[redacted]'],
];

export function redactSecrets(text: string): string {
  return RULES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
