/**
 * The versions of a draft the person checked, kept in this browser only (never sent to the
 * server to store), so they can revise and compare.
 */
import type { ApiDraftFeedback } from '../api/types.js';

export interface DraftVersion {
  id: string;
  /** 1, 2, 3… in the order they were checked. */
  number: number;
  text: string;
  scenarioId: string | null;
  recipient: string | null;
  checkedAt: string;
  feedback: ApiDraftFeedback;
}

const KEY = 'rehearse.draftVersions';
const KEEP = 30;

export function loadVersions(): DraftVersion[] {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isVersion) : [];
  } catch {
    return [];
  }
}

export function saveVersions(versions: readonly DraftVersion[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(versions.slice(-KEEP)));
  } catch {
    // Storage full or blocked: versions last for this page only.
  }
}

export function addVersion(versions: readonly DraftVersion[], entry: Omit<DraftVersion, 'id' | 'number'>): DraftVersion[] {
  const number = (versions.at(-1)?.number ?? 0) + 1;
  return [...versions, { ...entry, id: `v${number}-${Date.now().toString(36)}`, number }].slice(-KEEP);
}

function isVersion(value: unknown): value is DraftVersion {
  const v = value as Partial<DraftVersion> | null;
  return !!v && typeof v.id === 'string' && typeof v.number === 'number' && typeof v.text === 'string' && typeof v.feedback?.score === 'number';
}
