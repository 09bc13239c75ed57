/**
 * The language menu (header, login): English, Deutsch, Polski or the browser's language. The choice shows at
 * once; logged in, it is stored for the user (PUT /api/auth/language) and follows them to every browser.
 */
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useContext } from 'react';
import { saveUiLanguage } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { useLanguage } from '../i18n/i18n-context.ts';
import {
  browserLanguage,
  LANGUAGE_NAMES,
  navigatorLanguages,
  UI_LANGUAGES,
  type UiLanguage,
} from '../i18n/languages.ts';
import { SessionContext } from '../session/session-context.ts';

export function LanguageMenu() {
  const { language, choose, t } = useLanguage();
  const session = useContext(SessionContext);
  const chosen = session ? session.user.uiLanguage : null;
  const browser = browserLanguage(navigatorLanguages());

  async function pick(next: UiLanguage | null) {
    choose(next);
    if (!session) return;
    try {
      session.setUser(await saveUiLanguage(next));
    } catch (failure) {
      notifications.show({
        color: 'red',
        message: t('shell.languageNotSaved', { message: errorMessage(failure) }),
      });
    }
  }

  const item = (value: UiLanguage | null, label: string) => {
    // The language shown; the browser's when the user chose none.
    const current = value === null ? chosen === null : value === language;
    return (
      <Menu.Item
        key={value ?? 'browser'}
        data-testid={`language-${value ?? 'browser'}`}
        lang={value ?? undefined}
        leftSection={current ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
        onClick={() => pick(value)}
      >
        {label}
      </Menu.Item>
    );
  };

  return (
    <Menu position="bottom-end" shadow="md" width={230}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconLanguage size={16} />}
          aria-label={t('shell.languageMenu', { language: LANGUAGE_NAMES[language] })}
          data-testid="language-menu"
          data-language={language}
        >
          {language.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.language')}</Menu.Label>
        {UI_LANGUAGES.map((value) => item(value, LANGUAGE_NAMES[value]))}
        {session && (
          <>
            <Menu.Divider />
            {item(null, t('shell.languageBrowser', { language: LANGUAGE_NAMES[browser] }))}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
