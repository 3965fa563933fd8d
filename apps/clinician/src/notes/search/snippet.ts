// The server marks matched words in a snippet with « and » (plain text, never HTML). These split a
// snippet into plain and highlighted runs for rendering with <mark>, so nothing is ever set as HTML.

export interface SnippetRun {
  text: string;
  match: boolean;
}

export function snippetRuns(snippet: string): SnippetRun[] {
  const runs: SnippetRun[] = [];
  const re = /«([^«»]*)»/g;
  let at = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > at) runs.push({ text: snippet.slice(at, m.index), match: false });
    if (m[1]) runs.push({ text: m[1], match: true });
    at = m.index + m[0].length;
  }
  if (at < snippet.length) runs.push({ text: snippet.slice(at), match: false });
  return runs;
}
