/**
 * Where the person types their turn. Enter sends, Shift+Enter starts a new line (and Enter
 * while an input method is composing does neither). What is typed stays until it is sent.
 */
import { forwardRef, useId, type KeyboardEvent } from 'react';

export interface ComposerProps {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  label: string;
  maxChars: number;
  /** While a reply is on its way the text can be edited but not sent. */
  busy: boolean;
  disabled?: boolean;
}

export const Composer = forwardRef<HTMLTextAreaElement, ComposerProps>(function Composer(
  { value, onChange, onSend, label, maxChars, busy, disabled = false },
  ref,
) {
  const id = useId();
  const over = value.length > maxChars;
  const canSend = !busy && !disabled && value.trim().length > 0 && !over;
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (canSend) onSend();
    }
  };
  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSend) onSend();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={ref}
        value={value}
        rows={3}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        disabled={disabled}
        aria-describedby={`${id}-hint ${id}-count`}
        aria-invalid={over || undefined}
      />
      <div className="composer-foot">
        <span id={`${id}-hint`} className="hint">
          Enter sends · Shift+Enter for a new line
        </span>
        <span id={`${id}-count`} className={over ? 'count count-over' : 'count'}>
          {over ? `${value.length - maxChars} characters over the limit of ${maxChars}` : `${value.length} / ${maxChars}`}
        </span>
        <button type="submit" disabled={!canSend}>
          {busy ? 'Waiting for reply…' : 'Send'}
        </button>
      </div>
    </form>
  );
});
