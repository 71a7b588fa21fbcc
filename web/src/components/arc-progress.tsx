/**
 * The partner's arc in words: the stages passed (with the turn each came after), every time
 * the partner pushed back and how it was met, and what they still wait for. The stage names
 * come from the server's dependency-free arc-stages.ts, so the page says what the fold did.
 */
import { ARC_STAGES, ARC_STAGE_LABELS, ARC_WAIT_LABELS, type ArcSummary, type PushbackOutcome } from '../../../server/practice/partner/arc-stages.js';

export interface ArcProgressProps {
  arc: ArcSummary;
  partnerName: string;
  /** Heading level: the coach panel nests it under its own heading. */
  headingLevel?: 2 | 3;
}

const OUTCOME_TEXT: Record<PushbackOutcome, string> = {
  held: 'you held steady',
  broke: 'you defended yourself, and lost the ground you had gained',
  open: 'waiting for your answer',
};

export function ArcProgress({ arc, partnerName, headingLevel = 3 }: ArcProgressProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const passed = new Map(arc.stages.map((s) => [s.stage, s.turn]));
  return (
    <section className="arc-progress" aria-label={`How far ${partnerName} has come`}>
      <Heading>How far {partnerName} has come</Heading>
      <ol className="arc-stages">
        {ARC_STAGES.map((stage) => {
          const turn = passed.get(stage);
          return (
            <li key={stage} className={turn ? 'arc-stage done' : 'arc-stage'}>
              <span aria-hidden="true">{turn ? '✓ ' : '○ '}</span>
              {ARC_STAGE_LABELS[stage]}
              {turn ? <span className="arc-turn"> (after turn {turn})</span> : <span className="visually-hidden"> (not yet)</span>}
            </li>
          );
        })}
      </ol>
      {arc.pushbacks.length > 0 ? (
        <ul className="arc-pushbacks" aria-label={`When ${partnerName} pushed back`}>
          {arc.pushbacks.map((p) => (
            <li key={p.turn}>
              After turn {p.turn}: “{p.line}” — {OUTCOME_TEXT[p.outcome]}.
            </li>
          ))}
        </ul>
      ) : null}
      {arc.waitingFor.length > 0 ? (
        <p className="arc-waiting">
          {partnerName} still needs {arc.waitingFor.map((w) => ARC_WAIT_LABELS[w]).join('; ')}.
          {arc.waitingFor.includes('time') ? ` No conversation like this settles before turn ${arc.minTurns}.` : ''}
        </p>
      ) : null}
    </section>
  );
}
