import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRITERIA, KIND_RUBRIC, KINDS } from '../../../server/practice/criteria.js';
import { JUDGE_PROMPT_VERSION, LABELLING_RULES, apologyJudgePrompt, judgePrompt } from '../../../server/practice/scoring/judge/judge-prompts.js';
import { RUBRIC_FILE } from '../../support/fixtures.js';

/** The shared rubric the judge must carry word for word. */
const RUBRIC = readFileSync(RUBRIC_FILE, 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function rubricSection(heading: string): string {
  const start = RUBRIC.indexOf(`## ${heading}`);
  const end = RUBRIC.indexOf('\n## ', start + 1);
  return RUBRIC.slice(start, end < 0 ? undefined : end);
}

const INPUT = { context: 'You told your mom about our money problems.', reply: 'I told her, and that was wrong of me.' };

describe('the judge prompts', () => {
  it('carry every row of the criteria tables of RUBRIC-CRITERIA.md', () => {
    const rows = RUBRIC.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(CRITERIA.length + KINDS.length);
    const criterionRows = rows.filter((row) => CRITERIA.some((c) => row.startsWith(`| \`${c}\``)));
    expect(criterionRows).toHaveLength(CRITERIA.length);
    for (const kind of KINDS) {
      const { system } = judgePrompt({ kind, ...INPUT });
      for (const row of criterionRows) expect(squash(system)).toContain(squash(row));
    }
  });

  it('carry the seven labelling rules word for word', () => {
    const rules = rubricSection('Labelling rules for the hard cases')
      .split('\n')
      .slice(1)
      .join('\n')
      .split(/\n(?=\d\. )/)
      .map((rule) => squash(rule.replace(/^\d\. /, '')))
      .filter(Boolean);
    expect(rules).toHaveLength(7);
    expect(LABELLING_RULES.map(squash)).toEqual(rules);
    const { system } = apologyJudgePrompt(INPUT);
    for (const [i, rule] of rules.entries()) expect(squash(system)).toContain(`${i + 1}. ${rule}`);
  });

  it.each(KINDS)('for %s, name the rubric it scores and ask for all twelve criteria', (kind) => {
    const { system, prompt } = judgePrompt({ kind, ...INPUT });
    expect(prompt).toContain(`Kind: ${kind}.`);
    const { positive, redFlags } = KIND_RUBRIC[kind];
    expect(prompt).toContain(`scores ${positive.join(', ')}, and watches for the red flags ${redFlags.join(', ')}`);
    expect(prompt).toContain('Label all twelve criteria');
    for (const criterion of CRITERIA) expect(system).toContain(`"${criterion}": {"met": true or false, "evidence":`);
    expect(system).toContain('VERBATIM');
  });

  it('put the context and the reply between delimiters, and mark an empty context', () => {
    const { prompt } = judgePrompt({ kind: 'draft', context: '', reply: 'Dear Sam, I am sorry I missed it.' });
    expect(prompt).toContain('<reply>\nDear Sam, I am sorry I missed it.\n</reply>');
    expect(prompt).toContain('<context>\n(none)\n</context>');
  });

  it('differ between kinds only in the task, not in the rubric', () => {
    const [a, b, c] = KINDS.map((kind) => judgePrompt({ kind, ...INPUT }));
    expect(a!.system).toBe(b!.system);
    expect(b!.system).toBe(c!.system);
    expect(new Set([a!.prompt, b!.prompt, c!.prompt]).size).toBe(3);
  });

  it("show the offline scorer's read, with its quotes, only in hybrid mode", () => {
    const plain = judgePrompt({ kind: 'apology', ...INPUT });
    expect(plain.prompt).not.toContain('first read');

    const hybrid = judgePrompt({
      kind: 'apology',
      ...INPUT,
      offlineEvidence: {
        labels: ['acknowledges_harm', 'takes_responsibility'],
        evidence: [{ criterion: 'takes_responsibility', start: 13, end: 36, quote: 'and that was wrong of me' }],
      },
    });
    expect(hybrid.prompt).toContain('a first read to check, not to trust');
    expect(hybrid.prompt).toContain('- acknowledges_harm\n- takes_responsibility: "and that was wrong of me"');
    expect(hybrid.prompt).toContain('every other criterion false');

    const empty = judgePrompt({ kind: 'apology', ...INPUT, offlineEvidence: { labels: [], evidence: [] } });
    expect(empty.prompt).toContain('It marked no criterion true.');
  });

  it('have a version for the cache key', () => {
    expect(JUDGE_PROMPT_VERSION).toMatch(/^judge-v\d+$/);
  });
});
