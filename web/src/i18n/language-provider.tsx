/**
 * Holds the web UI's language: the user's choice (set from the session's user and the language menu), else
 * the browser's languages, else English. A switch re-renders every component that uses useT.
 */
import { type ReactNode, useMemo, useState } from 'react';
import { LanguageContext, type LanguageState } from './i18n-context.ts';
import { browserLanguage, localeFor, navigatorLanguages, type UiLanguage } from './languages.ts';
import { setCurrentLanguage, translateIn } from './translate.ts';

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [chosen, choose] = useState<UiLanguage | null>(null);
  const state = useMemo<LanguageState>(() => {
    const browser = navigatorLanguages();
    const language = chosen ?? browserLanguage(browser);
    const locale = localeFor(language, browser);
    // Set during render, before the children render with it: pure formatting code reads it too.
    setCurrentLanguage(language, locale);
    return { language, locale, choose, t: (key, params) => translateIn(language, locale, key, params) };
  }, [chosen]);
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
}
