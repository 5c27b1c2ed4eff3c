// Marginalia's webview pages share one shape: a strict Content-Security-Policy (styles only from
// our files, one script by nonce, nothing else: no inline script or style, no network), our
// stylesheets, and our bundle. Text that goes into the page is escaped here.

import type * as vscode from 'vscode';

/** 32 random base64 characters, new for every page. */
export function newNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface WebviewPageParts {
  title: string;
  /** Stylesheets and the script, as URIs under the webview's localResourceRoots. */
  styles: vscode.Uri[];
  script: vscode.Uri;
  /** Markup for the body, already safe (rendered and sanitised, or escaped). */
  body?: string;
  /** Attributes on <body> (values are escaped here). */
  bodyData?: Record<string, string>;
}

export function webviewPage(webview: vscode.Webview, parts: WebviewPageParts): string {
  const nonce = newNonce();
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  const links = parts.styles.map((s) => `<link rel="stylesheet" href="${escapeHtml(webview.asWebviewUri(s).toString())}">`).join('\n');
  const data = Object.entries(parts.bodyData ?? {})
    .map(([k, v]) => ` data-${k.replace(/[^a-z0-9-]/g, '')}="${escapeHtml(v)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}
<title>${escapeHtml(parts.title)}</title>
</head>
<body${data}>
${parts.body ?? ''}
<script nonce="${nonce}" src="${escapeHtml(webview.asWebviewUri(parts.script).toString())}"></script>
</body>
</html>`;
}
