import { createMemoryHistory, createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import type { JSX } from 'react';

/** Mounts one page at `/` in a memory router, with a `/profile` landing route to observe navigation. */
export function PageHarness({ page: Page }: { page: () => JSX.Element }) {
  const root = createRootRoute({ component: Outlet });
  const home = createRoute({ getParentRoute: () => root, path: '/', component: Page });
  const profile = createRoute({ getParentRoute: () => root, path: '/profile', component: () => <p>profile landing</p> });
  const router = createRouter({
    routeTree: root.addChildren([home, profile]),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  return <RouterProvider router={router as never} />;
}
