// Builds the Markdown of a hover for an API symbol: signature, what it does,
// how CPython versions differ, and a note when the selected profile lacks it.
import { apiDoc, availableIn, type ApiDoc, type DocLang } from './docs/api-docs';
import type { Translate } from './l10n-types';

export function docLang(language: string): DocLang {
  return language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

export function hoverMarkdown(doc: ApiDoc, lang: DocLang, version: string, t: Translate): string {
  const text = doc[lang];
  const parts = ['```python\n' + doc.signature + '\n```', text.summary];
  if (doc.unsupported) parts.push(`*${t('Not simulated by PyGC Lab.')}*`);
  else if (!availableIn(doc, version)) {
    parts.push(`*${doc.since
      ? t('Not available in CPython {0}: added in {1}.', version, doc.since)
      : t('Not available in CPython {0}: only up to {1}.', version, doc.until ?? '')}*`);
  }
  if (text.versions?.length) {
    parts.push(`**${t('CPython versions')}**\n\n${text.versions.map((v) => `- ${v}`).join('\n')}`);
  }
  parts.push(`*${t('Simulated profile: CPython {0}', version)}*`);
  return parts.join('\n\n');
}

/** The hover text for a qualified name, or undefined if it is not documented. */
export function hoverFor(qualified: string, lang: DocLang, version: string, t: Translate): string | undefined {
  const doc = apiDoc(qualified);
  return doc ? hoverMarkdown(doc, lang, version, t) : undefined;
}
