/**
 * A pasted conversation made ready to keep: parsed, checked (two speakers at least, and `you`
 * one of them), and read by the coach. Throws the app's one error class with the words the
 * person needs; nothing is stored by this module, so a refused import leaves nothing behind.
 */
import { AppError } from '../../errors.js';
import type { TurnRead } from '../coach/turn-coach.js';
import type { Labeller } from '../partner/partner-engine.js';
import { parseThread, type ThreadFormat, type ThreadTurn } from './thread-parser.js';
import { readThread, type GeneralPartners, type PracticeKind, type ThreadSummary } from './thread-read.js';

export interface ImportedThread {
  title: string;
  format: ThreadFormat;
  speakers: string[];
  you: string;
  kind: PracticeKind;
  turns: (ThreadTurn & { coach?: TurnRead })[];
  trustPath: number[];
  summary: ThreadSummary;
}

export function importThread(input: { text: string; you: string; partners: GeneralPartners; label: Labeller; kind?: PracticeKind }): ImportedThread {
  const { format, speakers, turns } = parseThread(input.text);
  const you = input.you.trim();
  const found = speakers.length ? `found: ${speakers.map((s) => `"${s}"`).join(', ')}` : 'found no messages';
  if (speakers.length < 2) throw new AppError('bad_request', `text: a conversation needs two speakers at least (${found})`);
  if (!speakers.includes(you)) throw new AppError('bad_request', `you: "${you}" is not one of the speakers (${found})`);
  if (!turns.some((turn) => turn.speaker === you)) throw new AppError('bad_request', `you: "${you}" has no turn in this conversation`);

  const read = readThread({ turns, you, partners: input.partners, label: input.label, kind: input.kind });
  const others = speakers.filter((s) => s !== you);
  const first = turns.find((turn) => turn.at)?.at;
  return {
    title: `With ${others.join(', ')}${first ? `, ${first.slice(0, 10)}` : ''}`,
    format,
    speakers,
    you,
    kind: read.kind,
    turns: turns.map((turn) => {
      const coach = read.reads.get(turn.index);
      return coach ? { ...turn, coach } : turn;
    }),
    trustPath: read.trustPath,
    summary: read.summary,
  };
}
