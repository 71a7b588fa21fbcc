/** The scorecard as a Markdown file the person keeps: built in the browser, nothing is sent. */
import type { ApiScorecard, CriterionResult } from '../api/types.js';
import { ARC_STAGE_LABELS } from '../../../server/practice/partner/arc-stages.js';
import { criterionLabel } from '../criteria-text.js';
import { STATUS_TEXT } from '../vocabulary.js';

export interface ScorecardContext {
  title: string;
  partnerName: string;
  /** When the export was made (a parameter so the file is reproducible in tests). */
  date: Date;
}

export function listeningRatioText(listening: NonNullable<ApiScorecard['listening']>): string {
  const ratio =
    listening.ratio === null
      ? listening.reflections > 0
        ? 'reflections only, no questions'
        : 'no reflections or questions'
      : `${formatRatio(listening.ratio)}:1`;
  const rating = listening.rating === 'good' ? 'good (2:1 or more)' : listening.rating === 'fair' ? 'fair (1:1 or more)' : 'below fair (under 1:1)';
  return `${listening.reflections} reflections to ${listening.questions} questions — ${ratio}; MITI 4.2 rates this ${rating}.`;
}

function formatRatio(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Markdown quotes a line starting with ">" etc. literally enough; just keep one line per quote. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function criterionLines(results: ApiScorecard['criteria']): string[] {
  return Object.entries(results).map(([id, result]) => {
    const r = result as CriterionResult;
    const head = `- ${r.met ? '[x]' : '[ ]'} **${criterionLabel(id)}** — ${r.met ? `${r.count} turn${r.count === 1 ? '' : 's'}` : 'not yet'}`;
    const quotes = r.evidence.slice(0, 3).map((q) => `  - “${inline(q)}”`);
    return [head, ...quotes].join('\n');
  });
}

export function buildScorecardMarkdown(card: ApiScorecard, ctx: ScorecardContext): string {
  const out: string[] = [];
  out.push(`# Rehearse scorecard: ${inline(ctx.title)}`);
  out.push('');
  out.push(
    `With ${ctx.partnerName} · ${ctx.date.toISOString().slice(0, 10)} · ${card.turns} turn${card.turns === 1 ? '' : 's'} · ${STATUS_TEXT[card.status] ?? card.status}${card.resolved ? ' (resolved)' : ''}`,
  );
  out.push('');
  out.push('## Trust over the conversation');
  out.push('');
  out.push(card.trustPath.length ? card.trustPath.map((t) => String(Math.round(t))).join(' → ') : 'No turns yet.');
  out.push('');
  out.push('## How the conversation moved');
  out.push('');
  if (card.arc.stages.length === 0) out.push('No stage passed yet.');
  for (const { stage, turn } of card.arc.stages) out.push(`- ${ARC_STAGE_LABELS[stage]} (after turn ${turn})`);
  for (const p of card.arc.pushbacks) {
    const met = p.outcome === 'held' ? 'you held steady' : p.outcome === 'broke' ? 'you defended yourself' : 'not answered';
    out.push(`- ${ctx.partnerName} pushed back after turn ${p.turn}: “${inline(p.line)}” — ${met}`);
  }
  out.push('');
  out.push('## What built trust');
  out.push('');
  out.push(...criterionLines(card.criteria));
  out.push('');
  out.push('## Red flags');
  out.push('');
  const flags = Object.entries(card.redFlags).filter(([, r]) => (r as CriterionResult).met);
  if (flags.length === 0) out.push('None. Well done.');
  else out.push(...criterionLines(Object.fromEntries(flags)));
  out.push('');
  if (card.strongest) {
    out.push('## Strongest turn');
    out.push('');
    out.push(`> ${inline(card.strongest.text)}`);
    out.push('');
    out.push(`Trust ${signed(card.strongest.trustDelta)}.`);
    out.push('');
  }
  if (card.weakest) {
    out.push('## Weakest turn, and a rewrite');
    out.push('');
    out.push(`> ${inline(card.weakest.text)}`);
    out.push('');
    out.push(`Trust ${signed(card.weakest.trustDelta)}. Try instead:`);
    out.push('');
    out.push(`> ${inline(card.weakest.rewrite)}`);
    out.push('');
  }
  if (card.commitments.length) {
    out.push('## What you promised');
    out.push('');
    out.push(...card.commitments.map((c) => `- ${inline(c)}`));
    out.push('');
  }
  if (card.listening) {
    out.push('## Listening balance');
    out.push('');
    out.push(listeningRatioText(card.listening));
    out.push('');
  }
  if (card.needs.length) {
    out.push(`## What ${ctx.partnerName} needed to hear`);
    out.push('');
    out.push(...card.needs.map((n) => `- ${n.met ? '[x]' : '[ ]'} ${inline(n.says)}`));
    out.push('');
  }
  out.push('## Next time');
  out.push('');
  out.push(...card.tips.map((t) => `- ${inline(t)}`));
  out.push('');
  return out.join('\n');
}

function signed(n: number): string {
  const r = Math.round(n);
  return r > 0 ? `rose ${r}` : r < 0 ? `fell ${-r}` : 'held';
}

export function scorecardFileName(title: string, date: Date): string {
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || 'session';
  return `rehearse-${slug}-${date.toISOString().slice(0, 10)}.md`;
}

/** Saves text as a file through the browser's download, without a server round trip. */
export function downloadText(fileName: string, text: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
