/** The web UI's language for components: useT for texts, useLanguage to read or choose the language. */
import { createContext, useContext } from 'react';
import type { UiLanguage } from './languages.ts';
import { type Translate, translate } from './translate.ts';

export interface LanguageState {
  language: UiLanguage;
  /** The locale dates and numbers are written in (de-DE, pl-PL, en-US). */
  locale: string;
  /** The user's choice (null: the browser's); shows at once, stored by the caller. */
  choose: (language: UiLanguage | null) => void;
  t: Translate;
}

export const LanguageContext = createContext<LanguageState | null>(null);

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside of LanguageProvider');
  return state;
}

/** The translation function; the component re-renders when the language changes. */
export function useT(): Translate {
  return useContext(LanguageContext)?.t ?? translate;
}
