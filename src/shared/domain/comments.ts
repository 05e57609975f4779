/** Longest comment body and quoted passage, in characters; the contract and the desk records check both. */
export const COMMENT_LIMITS = { body: 5000, quote: 2000 } as const;

/**
 * A discussion in an article, anchored to text (a mark with the thread id, as claims are) or to a
 * claim. Plain JSON objects, so the desk can mirror them in the article doc's 'comments' Y.Map
 * (threadId → thread) exactly as stored.
 */
export const THREAD_STATUSES = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export interface ThreadComment {
  id: string;
  author: string;
  body: string;
  createdAt: string;
  /** Set when the author changed the text; only the author may. */
  editedAt: string | null;
}

export interface CommentThread {
  id: string;
  articleId: string;
  /** A thread on a claim (a discussion of its link or a warning); null for one on text. */
  claimId: string | null;
  /** The text the thread was made on, kept for a thread whose text was deleted. */
  quote: string;
  status: ThreadStatus;
  /** True while the anchored text is gone from the body; undo restores the mark and clears it. */
  detached: boolean;
  comments: ThreadComment[];
  createdAt: string;
  updatedAt: string;
}
