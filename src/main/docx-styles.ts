/** Paragraph style ids of Factdesk's DOCX files: the exporter writes them, the importer maps them back (without loading the docx library). */
export const DOCX_STYLE_IDS = {
  kicker: 'Kicker',
  lead: 'Lead',
  byline: 'Byline',
  dateline: 'Dateline',
  quote: 'Quote',
} as const;
