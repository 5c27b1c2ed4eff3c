// URI strings as the core's keys: `scheme:[//authority]/path`, percent-encoded exactly as VS Code's
// `Uri.toString()` writes them, so a key made here from a file name equals the one the editor
// hands us for the same file. Names passed in and returned (file names, relative link paths) are
// decoded; only whole URIs are encoded.

const HEAD = /^[a-zA-Z][\w+.-]*:(?:\/\/[^/?#]*)?/;

interface UriParts {
  /** `scheme:` or `scheme://authority`. */
  head: string;
  /** The encoded path, starting with '/' (or empty). */
  path: string;
}

function split(uri: string): UriParts {
  // A bare path (no scheme) is taken as it is: core functions called with paths keep working.
  const head = HEAD.exec(uri)?.[0] ?? '';
  let path = uri.slice(head.length);
  const query = path.indexOf('?');
  const fragment = path.indexOf('#');
  const cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
  if (cut >= 0) path = path.slice(0, cut);
  return { head, path };
}

/** Encodes one path segment as VS Code does: RFC 3986 unreserved characters stay, the rest is %XX. */
export function encodeSegment(segment: string): string {
  // Most names need nothing (asked for every file of a large corpus, several times each).
  if (UNRESERVED.test(segment)) return segment;
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

function decodeSegment(segment: string): string {
  if (segment.indexOf('%') < 0) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray '%' that was never an escape
  }
}

function normalizeSegments(segments: string[]): string[] {
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out;
}

/** The URI of a decoded path below `base`: `joinUri('file:///a', 'b c/d.md')` → `file:///a/b%20c/d.md`. */
export function joinUri(base: string, ...decoded: string[]): string {
  const { head, path } = split(base);
  const segments = path.split('/').map(decodeSegment);
  for (const part of decoded) segments.push(...part.split('/'));
  return head + '/' + normalizeSegments(segments).map(encodeSegment).join('/');
}

/** The folder a URI is in (the URI itself for a root). */
export function dirnameUri(uri: string): string {
  const { head, path } = split(uri);
  const i = path.lastIndexOf('/');
  return head + (i <= 0 ? '/' : path.slice(0, i));
}

/** The last segment, decoded: `file:///a/my%20review.md` → `my review.md`. */
export function basenameUri(uri: string): string {
  const { path } = split(uri);
  return decodeSegment(path.slice(path.lastIndexOf('/') + 1));
}

/** A file name without its last extension: `review.md` → `review`. */
export function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The decoded path of a URI (for messages and for file-system hosts). */
export function uriPath(uri: string): string {
  const { path } = split(uri);
  if (path.indexOf('%') < 0) return path;
  return path
    .split('/')
    .map(decodeSegment)
    .join('/');
}

/**
 * `to` written relative to the folder `fromDir`, decoded and '/'-separated, as sidecar links hold it.
 * URIs on different schemes or authorities have no relative form: the whole URI is returned.
 */
export function relativeUriPath(fromDir: string, to: string): string {
  const a = split(fromDir);
  const b = split(to);
  if (a.head !== b.head) return to;
  const from = normalizeSegments(a.path.split('/')).map(decodeSegment);
  const target = normalizeSegments(b.path.split('/')).map(decodeSegment);
  let i = 0;
  while (i < from.length && i < target.length && from[i] === target[i]) i++;
  return [...from.slice(i).map(() => '..'), ...target.slice(i)].join('/') || '.';
}

/** Resolves a decoded relative path (or a whole URI) against a folder URI. */
export function resolveUriPath(dir: string, relative: string): string {
  if (HEAD.test(relative) && /^[a-zA-Z][\w+.-]+:/.test(relative)) return relative;
  if (relative.startsWith('/')) return joinUri(split(dir).head + '/', relative);
  return joinUri(dir, relative);
}

/** True when `uri` is strictly inside the folder `dir`. */
export function isUriUnder(uri: string, dir: string): boolean {
  const prefix = dir.endsWith('/') ? dir : dir + '/';
  return uri.length > prefix.length && uri.startsWith(prefix);
}

/** The `file:` URI of an absolute path ('/' or '\' separated; Windows drive letters as VS Code writes them). */
export function fileUri(absolutePath: string): string {
  let p = absolutePath.replace(/\\/g, '/');
  if (/^[a-zA-Z]:/.test(p)) p = '/' + p[0].toLowerCase() + p.slice(1);
  if (!p.startsWith('/')) throw new Error(`not an absolute path: ${absolutePath}`);
  return 'file://' + normalizeSegments(p.split('/')).reduce((acc, s) => acc + '/' + encodeSegment(s), '') + (p === '/' ? '/' : '');
}

/** The file-system path of a `file:` URI (POSIX form; a Windows drive comes back as `c:/…`). */
export function uriToFsPath(uri: string): string {
  if (!uri.startsWith('file:')) throw new Error(`not a file: URI: ${uri}`);
  const path = uriPath(uri);
  return /^\/[a-zA-Z]:/.test(path) ? path.slice(1) : path;
}

export function uriScheme(uri: string): string {
  return uri.slice(0, uri.indexOf(':'));
}
