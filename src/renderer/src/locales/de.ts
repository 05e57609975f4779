// Every namespace of one language in one chunk: the page loads only the language it shows.
export default import.meta.glob('../../../shared/i18n/locales/de/*.json', {
  eager: true,
  import: 'default',
}) as Record<string, Record<string, unknown>>;
