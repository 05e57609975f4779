import { useEffect } from 'react';
import { $getNearestNodeFromDOMNode } from 'lexical';
import { $isLinkNode, type LinkMatcher } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { AutoLinkPlugin } from '@lexical/react/LexicalAutoLinkPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { allowedLinkUrl } from '../../../../shared/article/links';
import { api } from '../../bridge';

export const isAllowedLink = (url: string): boolean => allowedLinkUrl(url) !== null;

// Web addresses with a scheme or starting with "www.", and e-mail addresses; trailing punctuation stays outside.
const URL_PATTERN = /(?:https?:\/\/|www\.)[^\s<>"„“”‚‘’]+[^\s<>"„“”‚‘’.,;:!?)\]]/i;
const EMAIL_PATTERN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/i;

const MATCHERS: LinkMatcher[] = [
  (text) => {
    const m = URL_PATTERN.exec(text);
    if (!m) return null;
    const url = m[0].toLowerCase().startsWith('www.') ? `https://${m[0]}` : m[0];
    return isAllowedLink(url) ? { index: m.index, length: m[0].length, text: m[0], url } : null;
  },
  (text) => {
    const m = EMAIL_PATTERN.exec(text);
    return m ? { index: m.index, length: m[0].length, text: m[0], url: `mailto:${m[0]}` } : null;
  },
];

/**
 * Links stay inert while writing: a plain click places the caret, Ctrl/Cmd+click opens the
 * address outside the app (the shell re-checks the scheme).
 */
function OpenLinkOnModifiedClick(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        const onClick = (event: MouseEvent) => {
          const target = event.target as Node | null;
          if (!target || !(event.ctrlKey || event.metaKey)) return;
          const url = editor.getEditorState().read(() => {
            const node = $getNearestNodeFromDOMNode(target);
            const link = node ? $findMatchingParent(node, $isLinkNode) : null;
            return $isLinkNode(link) ? link.getURL() : null;
          });
          if (url === null || !isAllowedLink(url)) return;
          event.preventDefault();
          void api.shell.openExternal({ url });
        };
        root?.addEventListener('click', onClick);
        return () => root?.removeEventListener('click', onClick);
      }),
    [editor],
  );
  return null;
}

export function ArticleLinkPlugins() {
  return (
    <>
      <LinkPlugin validateUrl={isAllowedLink} />
      <AutoLinkPlugin matchers={MATCHERS} />
      <OpenLinkOnModifiedClick />
    </>
  );
}
