// Which files are not reviewed at all and which rules are off in which files (the settings
// `editorialReview.ignoredFiles` and `editorialReview.rulesOffInFiles`, written by "Turn Review Off
// for This File" and "Disable … for this file"). Patterns are globs relative to the file's
// workspace folder (`**`, `*`, `?`, `{a,b}`, `[abc]`) or absolute paths. Pure: no `vscode`.

const cache = new Map<string, RegExp>();

/** A glob as a regular expression over a `/`-separated path. */
export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (re) return re;
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders (none too); `**` at the end matches anything.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  re = new RegExp(`^${out}$`);
  if (cache.size > 500) cache.clear();
  cache.set(glob, re);
  return re;
}

/** Whether a file matches a pattern: `relative` is its path inside its workspace folder (or undefined), `absolute` its full path. */
export function matchesPattern(pattern: string, relative: string | undefined, absolute: string): boolean {
  const p = pattern.trim().replace(/\\/g, '/');
  if (p === '') return false;
  if (p.startsWith('/') || /^[A-Za-z]:\//.test(p)) return globToRegExp(p).test(absolute.replace(/\\/g, '/'));
  return relative !== undefined && globToRegExp(p.replace(/^\.\//, '')).test(relative);
}

export interface FilePath {
  relative: string | undefined;
  absolute: string;
}

/** The first pattern of a list that a file matches. */
export function matchingPattern(patterns: readonly string[], file: FilePath): string | undefined {
  return patterns.find(p => matchesPattern(p, file.relative, file.absolute));
}

/** The rules off in a file, from `rulesOffInFiles` (every pattern it matches). */
export function rulesOffIn(rulesOffInFiles: Readonly<Record<string, readonly string[]>>, file: FilePath): string[] {
  const out = new Set<string>();
  for (const [pattern, rules] of Object.entries(rulesOffInFiles)) {
    if (matchesPattern(pattern, file.relative, file.absolute)) for (const r of rules) out.add(r);
  }
  return [...out];
}
