/**
 * A practice session: the partner's opening, the conversation streaming in, the trust
 * meter and coach (live or hidden), rewinding a turn, retrying a failed reply, and ending
 * the session for the scorecard.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_TURN_CHARS } from '../../../server/api/limits.js';
import { ApiError, messageOf } from '../api/client.js';
import { endSession, getScenario, getSession, rewindSession } from '../api/rehearse-api.js';
import type { ApiMessage, ApiScenarioDetail, ApiSession } from '../api/types.js';
import {
  arcNow,
  coachByTurn,
  earlierAttempts,
  messageText,
  newlyTakenBack,
  statusNow,
  toUIMessages,
  trustNow,
  withJudgedReads,
} from '../chat/practice-messages.js';
import { usePracticeChat } from '../chat/use-practice-chat.js';
import { listeningBalance } from '../../../server/practice/coach/listening-balance.js';
import { CoachPanel } from '../components/coach-panel.js';
import { Composer } from '../components/composer.js';
import { PartnerLine, PersonTurn } from '../components/conversation-turns.js';
import { EarlierAttempts } from '../components/earlier-attempts.js';
import { ErrorNotice, Loading } from '../components/notice.js';
import { useStoredFlag } from '../components/use-stored-flag.js';
import { Link, navigate, paths } from '../router.js';
import { useLoad } from '../use-load.js';
import { KIND_TEXT } from '../vocabulary.js';

interface Loaded {
  session: ApiSession;
  scenario: ApiScenarioDetail;
}

async function loadPractice(sessionId: string): Promise<Loaded> {
  const session = await getSession(sessionId, true);
  const detail = await getScenario(session.scenarioId);
  // Practice from an imported conversation: the general partner, played as the other person.
  const scenario = session.importId && session.partnerName ? { ...detail, partner: { ...detail.partner, name: session.partnerName } } : detail;
  return { session, scenario };
}

export function PracticeView({ sessionId }: { sessionId: string }) {
  const [loaded, reload] = useLoad(() => loadPractice(sessionId), [sessionId]);
  if (loaded.state === 'loading') return <Loading what="the conversation" />;
  if (loaded.state === 'error') {
    return (
      <section>
        <h1>Practice</h1>
        <ErrorNotice title="This session could not be opened" onRetry={reload}>
          {loaded.message} <Link href={paths.history()}>See your sessions</Link> or <Link href={paths.library()}>start a new one</Link>.
        </ErrorNotice>
      </section>
    );
  }
  return <PracticeSession {...loaded.data} />;
}

function PracticeSession({ session, scenario }: Loaded) {
  const initial = useMemo(() => toUIMessages(session.messages), [session]);
  const chat = usePracticeChat(session.id, initial);
  const { messages, status, error, setMessages } = chat;
  const [input, setInput] = useState('');
  const [coachLive, setCoachLive] = useStoredFlag('rehearse.coachLive', true);
  const [attempts, setAttempts] = useState<ApiMessage[][]>(() => earlierAttempts(session.messages));
  const [baseTrust, setBaseTrust] = useState(session.trust);
  const [baseStatus, setBaseStatus] = useState(session.status);
  const [baseArc, setBaseArc] = useState(session.arc);
  const [busyAction, setBusyAction] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const composer = useRef<HTMLTextAreaElement>(null);
  const end = useRef<HTMLDivElement>(null);

  const partner = scenario.partner.name;
  const reads = coachByTurn(messages);
  const now = trustNow(messages, baseTrust);
  const balance =
    scenario.kind === 'listening'
      ? listeningBalance(
          messages.flatMap((m) =>
            m.role === 'user' && reads.has(m.id) ? [{ text: messageText(m), labels: reads.get(m.id)!.labels, evidence: reads.get(m.id)!.spans }] : [],
          ),
        )
      : null;
  const sessionStatus = statusNow(messages, baseStatus);
  const ended = sessionStatus === 'ended';
  const waiting = status === 'submitted' || status === 'streaming';
  const turnsTaken = messages.filter((m) => m.role === 'user').length;
  const last = messages.at(-1);
  const lastReply = last?.role === 'assistant' ? last : undefined;
  const unanswered = !waiting && !error && last?.role === 'user';
  const cutOff = !waiting && !error && lastReply?.metadata?.status === 'partial';

  // A turn the server refused to store (bad or too long): take it out and give the text back to edit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new error, reading the messages as they are then; depending on them would run it again after the refused turn is taken out and could take out an earlier turn too.
  useEffect(() => {
    if (!(error instanceof ApiError) || ![400, 413].includes(error.status)) return;
    const refused = chat.messages.at(-1);
    if (refused?.role !== 'user') return;
    chat.setMessages(chat.messages.slice(0, -1));
    setInput((typed) => typed || messageText(refused));
  }, [error]);

  useEffect(() => {
    if (error instanceof ApiError && error.status === 409 && /ended/.test(error.message)) setBaseStatus('ended');
  }, [error]);

  // Announce a finished reply once, rather than every word as it streams.
  const prevStatus = useRef(status);
  const [judgeFor, setJudgeFor] = useState<string | null>(null);
  useEffect(() => {
    if (prevStatus.current === 'streaming' && status === 'ready' && lastReply) {
      setAnnouncement(`${lastReply.metadata?.safety ? 'Rehearse' : partner} replied: ${messageText(lastReply)}`);
      if (lastReply.metadata?.judgePending && lastReply.metadata.userMessageId) setJudgeFor(lastReply.metadata.userMessageId);
    }
    prevStatus.current = status;
  }, [status, lastReply, partner]);

  // With a model configured the LLM judge reads each turn after the reply; when its read
  // arrives, the turn's labels and trust on this page follow it (the better read wins).
  useEffect(() => {
    if (!judgeFor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const look = async (attempt: number) => {
      try {
        const fresh = await getSession(session.id);
        if (stopped) return;
        setMessages((current) => withJudgedReads(current, fresh.messages));
        if (fresh.messages.some((m) => m.id === judgeFor && m.judge)) return setJudgeFor(null);
      } catch {
        // A missed look is retried below; the offline read stays meanwhile.
      }
      if (!stopped && attempt < 6) timer = setTimeout(() => void look(attempt + 1), 500 * 2 ** attempt);
    };
    timer = setTimeout(() => void look(0), 300);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [judgeFor, session.id, setMessages]);

  // Keep the newest turn in view: scroll again whenever a message is added or the reply's status changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: messages.length and status are the triggers, not values read inside.
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length, status]);

  const send = () => {
    const text = input;
    if (!text.trim() || waiting) return;
    setActionError(null);
    setInput('');
    void chat.sendMessage({ text });
    composer.current?.focus();
  };

  const retry = () => {
    setActionError(null);
    chat.clearError();
    void chat.regenerate();
  };

  const rewind = async (messageId: string, text: string) => {
    setBusyAction(`rewind:${messageId}`);
    setActionError(null);
    try {
      await rewindSession(session.id, messageId);
      const fresh = await getSession(session.id, true);
      const taken = newlyTakenBack(fresh.messages, attempts);
      if (taken.length) setAttempts((known) => [...known, taken]);
      chat.clearError();
      chat.setMessages(toUIMessages(fresh.messages));
      setBaseTrust(fresh.trust);
      setBaseArc(fresh.arc);
      setBaseStatus(fresh.status);
      setInput(text);
      setAnnouncement('Your turn and everything after it were taken back. Your words are in the box to edit.');
      requestAnimationFrame(() => composer.current?.focus());
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusyAction(null);
    }
  };

  const finish = async () => {
    setBusyAction('end');
    setActionError(null);
    try {
      await endSession(session.id);
      navigate(paths.scorecard(session.id));
    } catch (e) {
      setActionError(messageOf(e));
      setBusyAction(null);
    }
  };

  let turnIndex = 0;
  return (
    <section className="practice">
      <header className="practice-head">
        <p className="eyebrow">{KIND_TEXT[scenario.kind].job}</p>
        <h1>{scenario.title}</h1>
        <p className="partner-line">
          With <span className="partner-name">{partner}</span>, {scenario.partner.relationship}
        </p>
        <p className="hint">
          {turnsTaken === 0 ? 'No turns yet.' : `${turnsTaken} turn${turnsTaken === 1 ? '' : 's'} so far.`} A strong conversation takes about{' '}
          {scenario.turnBudget} turns.
        </p>
        <details className="your-side">
          <summary>What happened, from your side</summary>
          <p>{scenario.situation.yourSide}</p>
          <p className="voice">
            <strong>How {partner} talks:</strong> {scenario.partner.voice}
          </p>
        </details>
      </header>

      <div className="practice-layout">
        <div className="conversation-column">
          {sessionStatus === 'resolved' ? (
            <div className="notice notice-resolved" role="status">
              <p>
                <strong>
                  <span aria-hidden="true">✓ </span>Resolved.
                </strong>{' '}
                {partner} feels heard, and the conversation has come to a good place. You can keep talking, or end the session to see your scorecard.
              </p>
            </div>
          ) : null}

          <ol className="conversation" aria-label={`Conversation with ${partner}`}>
            {messages.map((message, i) => {
              const text = messageText(message);
              if (message.role === 'assistant') {
                const streaming = waiting && i === messages.length - 1;
                return (
                  <li key={message.id}>
                    <PartnerLine
                      name={partner}
                      text={text}
                      safety={!!message.metadata?.safety}
                      state={streaming ? 'streaming' : message.metadata?.status === 'partial' ? 'partial' : 'complete'}
                    />
                  </li>
                );
              }
              turnIndex += 1;
              const index = turnIndex;
              return (
                <li key={message.id}>
                  <PersonTurn
                    index={index}
                    text={text}
                    read={reads.get(message.id)}
                    coachLive={coachLive}
                    onRewind={ended ? undefined : () => void rewind(message.id, text)}
                    rewindBusy={waiting || busyAction !== null}
                  />
                </li>
              );
            })}
            {status === 'submitted' ? (
              <li>
                <div className="turn turn-partner is-waiting" role="status">
                  <p className="turn-who">{partner}</p>
                  <p className="turn-text">
                    <span className="typing-dots" aria-hidden="true">
                      <span />
                      <span />
                      <span />
                    </span>
                    <span className="visually-hidden">{partner} is replying…</span>
                  </p>
                </div>
              </li>
            ) : null}
          </ol>
          <div ref={end} />

          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>

          {error ? <TurnError error={error} onRetry={retry} partner={partner} /> : null}
          {unanswered ? (
            <ErrorNotice
              title={`${partner}'s reply did not arrive`}
              action={
                <button type="button" onClick={retry}>
                  Retry
                </button>
              }
            >
              Your turn is saved. Retry asks for the reply again.
            </ErrorNotice>
          ) : null}
          {cutOff ? (
            <div className="notice" role="status">
              <p>The last reply was cut off. </p>
              <div className="notice-actions">
                <button type="button" onClick={retry}>
                  Ask for the reply again
                </button>
              </div>
            </div>
          ) : null}
          {actionError ? <ErrorNotice title="That did not work">{actionError}</ErrorNotice> : null}

          {ended ? (
            <div className="notice" role="status">
              <p>This session has ended.</p>
              <div className="notice-actions">
                <Link className="button" href={paths.scorecard(session.id)}>
                  See the scorecard
                </Link>
              </div>
            </div>
          ) : (
            <Composer
              ref={composer}
              value={input}
              onChange={setInput}
              onSend={send}
              label={`Your reply to ${partner}`}
              maxChars={MAX_TURN_CHARS}
              busy={waiting || busyAction !== null}
            />
          )}

          <div className="practice-actions">
            {!ended ? (
              <button type="button" className="secondary" onClick={() => void finish()} disabled={waiting || busyAction !== null}>
                {busyAction === 'end' ? 'Ending…' : 'End and see the scorecard'}
              </button>
            ) : null}
          </div>

          <EarlierAttempts attempts={attempts} partnerName={partner} />
        </div>

        <CoachPanel
          live={coachLive}
          onLiveChange={setCoachLive}
          partnerName={partner}
          trust={now.trust}
          previous={now.previous}
          reason={now.reason}
          resolveAt={session.resolveAt}
          latest={now.latest?.read ?? null}
          listening={balance}
          arc={arcNow(messages, baseArc)}
        />
      </div>
    </section>
  );
}

function TurnError({ error, onRetry, partner }: { error: Error; onRetry: () => void; partner: string }) {
  const status = error instanceof ApiError ? error.status : undefined;
  const message = messageOf(error);
  if (status === 400 || status === 413) {
    return <ErrorNotice title="That turn was not sent">{message} Your words are back in the box to edit.</ErrorNotice>;
  }
  if (status === 409 && /ended/.test(message)) return <ErrorNotice title="This session has ended">{message}</ErrorNotice>;
  const title = status === 429 ? 'Too many turns at once' : status === 409 ? 'A reply is still on its way' : `${partner}'s reply did not come through`;
  return (
    <ErrorNotice
      title={title}
      action={
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      }
    >
      {message}
    </ErrorNotice>
  );
}
