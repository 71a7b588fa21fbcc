/**
 * One line of the conversation. The partner's words are shown as text (never HTML); a reply
 * outside the role-play (a safety answer) is set apart as a help message. The person's
 * turns show, when the coach is live, the words that mattered and what they did to trust.
 */
import type { CoachRead } from '../api/types.js';
import { CriterionChips } from './criterion-chips.js';
import { HighlightedText } from './highlighted-text.js';

export interface PartnerLineProps {
  name: string;
  text: string;
  safety?: boolean;
  /** `partial` when the reply was cut off; `streaming` while it arrives. */
  state?: 'complete' | 'partial' | 'streaming' | 'failed';
}

export function PartnerLine({ name, text, safety = false, state = 'complete' }: PartnerLineProps) {
  if (safety) {
    return (
      <div className="turn turn-safety" role="note" aria-label="A message outside the role-play">
        <p className="turn-who">
          <span aria-hidden="true">ⓘ </span>Outside the role-play: a message from Rehearse
        </p>
        <p className="turn-text">{text}</p>
      </div>
    );
  }
  return (
    <div className={`turn turn-partner${state === 'streaming' ? ' is-streaming' : ''}`}>
      <p className="turn-who">{name}</p>
      <p className="turn-text">
        {text}
        {state === 'streaming' ? <span className="typing-caret" aria-hidden="true" /> : null}
      </p>
      {state === 'partial' ? <p className="turn-note">This reply was cut off before the end.</p> : null}
    </div>
  );
}

export interface PersonTurnProps {
  text: string;
  read?: CoachRead;
  coachLive: boolean;
  /** Offered on each of the person's turns; absent when the conversation cannot be changed. */
  onRewind?: () => void;
  rewindBusy?: boolean;
  index: number;
}

export function PersonTurn({ text, read, coachLive, onRewind, rewindBusy, index }: PersonTurnProps) {
  const delta = read ? Math.round(read.trustAfter - read.trustBefore) : 0;
  return (
    <div className="turn turn-person">
      <p className="turn-who">You</p>
      <p className="turn-text">{coachLive && read ? <HighlightedText text={text} spans={read.spans} /> : text}</p>
      {coachLive && read ? (
        <div className="turn-coach">
          <CriterionChips labels={read.labels} label={`What the coach saw in your turn ${index}`} />
          <p className="turn-delta">
            Trust {delta > 0 ? `rose ${delta}` : delta < 0 ? `fell ${-delta}` : 'held'} ({Math.round(read.trustBefore)} → {Math.round(read.trustAfter)})
          </p>
        </div>
      ) : null}
      {onRewind ? (
        <button type="button" className="link-button rewind" onClick={onRewind} disabled={rewindBusy} aria-label={`Try again from your turn ${index}`}>
          <span aria-hidden="true">↺ </span>Try again from here
        </button>
      ) : null}
    </div>
  );
}
