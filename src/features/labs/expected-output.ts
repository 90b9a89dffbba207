/**
 * How a lab's output is checked against labs/<name>.expected.txt: each
 * non-blank line of the pattern must match a line of the output, in order;
 * `…` stands for any text (a MAC address, a PID, a timing). The lab tests and
 * the transcripts' test (labs/transcripts/) both use it.
 */
export function unmatchedExpectedLines(expected: string, actual: string): string[] {
  const actualLines = actual.split('\n');
  let at = 0;
  const missing: string[] = [];
  for (const line of expected.split('\n').filter((l) => l.trim())) {
    const pattern = new RegExp(`^${line.trim().split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const found = actualLines.findIndex((l, i) => i >= at && pattern.test(l.trim()));
    if (found === -1) missing.push(line);
    else at = found + 1;
  }
  return missing;
}
