// Self-hosted variable fonts (latin subsets ~35 KB each, fetched only for the characters in use): no font CDN.
import '@fontsource-variable/source-sans-3/wght.css';
import '@fontsource-variable/fraunces/wght.css';
import './ui/firstScreenStyles';
import './ui/global.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { makeQueryClient, Providers } from './providers';
import { makeRouter } from './router';

initI18n();
const queryClient = makeQueryClient();
const router = makeRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers client={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
