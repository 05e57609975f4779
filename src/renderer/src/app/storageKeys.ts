/** The tab's open article, kept in sessionStorage so a reload reopens it (read early by public/early-boot.js too). */
export const ARTICLE_STORAGE_KEY = 'factdesk.article';
