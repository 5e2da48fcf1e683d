import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import type { Translator } from '../i18n/index.ts';

/**
 * Shown instead of the app when config.json is missing or invalid. Rendered without the app's
 * services (there are none yet); the problem list is text from the validator, rendered as text.
 */
export function ConfigErrorView({ message, i18n }: { message: string; i18n: Translator }) {
  const [first, ...rest] = message.split('\n');
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <h1 style={{ fontSize: 20 }}>{i18n.t('app.title')}</h1>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{i18n.t('config.title')}</MessageBarTitle>
            <p>{i18n.t('config.intro')}</p>
            <p>
              <code data-testid="config-error">{first}</code>
            </p>
            {rest.length > 0 && (
              <ul>
                {rest.map((line) => (
                  <li key={line}>
                    <code>{line.replace(/^\s*-\s*/, '')}</code>
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
