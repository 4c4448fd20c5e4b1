import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import i18n, { initI18n, type Language, type LanguageSource } from '../i18n';
import { makeQueryClient } from '../providers';
import { makeRouter } from '../router';
import { theme } from '../ui/theme';

/** The whole SPA (real router, query client and providers) at `path`, in `lang` (found as `source` says). */
export async function mountApp(path: string, lang: Language = 'en', source?: LanguageSource) {
  initI18n(lang, source);
  await i18n.changeLanguage(lang);
  const client = makeQueryClient();
  const router = makeRouter(client, '/app', createMemoryHistory({ initialEntries: [path] }));
  render(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return router;
}
