/**
 * Bring your own conversation: paste a thread (a WhatsApp export or `Name: text` lines), pick
 * which speaker you are, and import it for the coach's read. Says plainly where the words go.
 */
import { useId, useState } from 'react';
import { messageOf } from '../api/client.js';
import { createImport, getHealth, previewImport } from '../api/rehearse-api.js';
import { ErrorNotice } from '../components/notice.js';
import { navigate, paths } from '../router.js';
import { useLoad } from '../use-load.js';

export function ImportNewView() {
  const [text, setText] = useState('');
  const [speakers, setSpeakers] = useState<string[] | null>(null);
  const [you, setYou] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [health] = useLoad(getHealth, []);
  const ids = { text: useId(), you: useId() };

  const findSpeakers = async () => {
    setBusy(true);
    setError(null);
    try {
      const preview = await previewImport(text);
      setSpeakers(preview.speakers);
      setYou(preview.speakers[1] ?? preview.speakers[0] ?? '');
      if (preview.speakers.length < 2) setError('Rehearse found fewer than two speakers. Paste lines like "Name: message", or a WhatsApp export.');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const imported = await createImport(text, you);
      navigate(paths.import(imported.id));
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  const withModel = health.state === 'ready' && health.data.engine === 'llm';
  return (
    <section className="import-new">
      <p className="eyebrow">Your own conversation</p>
      <h1>Bring a conversation you already had</h1>
      <p className="lede">
        Paste a text thread that went sideways. The coach reads each of your turns, shows where trust turned, and you can practise again from any of your turns
        with the same person.
      </p>
      <p className="privacy-note" role="note">
        <strong>Where it goes:</strong> the conversation is kept only in Rehearse's own database on this machine, and Delete removes it and every practice
        started from it.{' '}
        {withModel
          ? 'A model is configured: nothing is sent to it now. When you practise from a turn, the turns before it go to the model so it can play the other person.'
          : 'No model is configured, so nothing leaves this machine. If one is configured later, the turns before the one you practise from go to it when you practise.'}
      </p>
      <form
        className="import-form"
        onSubmit={(e) => {
          e.preventDefault();
          void (speakers && speakers.length >= 2 ? submit() : findSpeakers());
        }}
      >
        <div className="field">
          <label htmlFor={ids.text}>The conversation</label>
          <textarea
            id={ids.text}
            rows={12}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setSpeakers(null);
            }}
            placeholder={
              '12/03/2026, 21:14 - Maya: You didn\u2019t come.\n12/03/2026, 21:15 - Sam: I was busy at work\n\nor\n\nMaya: You didn\u2019t come.\nSam: I was busy at work'
            }
          />
        </div>
        {speakers && speakers.length >= 2 ? (
          <fieldset className="speaker-pick">
            <legend>Which one is you?</legend>
            {speakers.map((speaker) => (
              <label key={speaker} className="radio">
                <input type="radio" name={ids.you} value={speaker} checked={you === speaker} onChange={() => setYou(speaker)} /> {speaker}
              </label>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" className="button" disabled={busy || !text.trim()}>
          {busy ? 'Reading…' : speakers && speakers.length >= 2 ? `Read it as ${you}` : 'Find the speakers'}
        </button>
      </form>
      {error ? <ErrorNotice title="That could not be read">{error}</ErrorNotice> : null}
    </section>
  );
}
