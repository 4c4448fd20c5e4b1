import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Deep teal: trustworthy, distinct from the usual corporate blue, AA contrast with white at shade 7+. */
const relay: MantineColorsTuple = [
  '#e6fbf8', '#d1f2ed', '#a6e3da', '#77d4c6', '#52c7b5', '#3abfab', '#2bb9a4',
  '#0f766e', '#0c6560', '#064e4a',
];
const ember: MantineColorsTuple = [
  '#fff3e6', '#ffe4cc', '#ffc899', '#ffa962', '#ff8f35', '#ff7f18', '#ff7606',
  '#c2410c', '#9a3412', '#7c2d12',
];

export const theme = createTheme({
  primaryColor: 'relay',
  primaryShade: { light: 7, dark: 8 },
  colors: { relay, ember },
  fontFamily:
    '"Source Sans 3 Variable", "Source Sans 3", "Source Sans Pro", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: '"Fraunces Variable", "Fraunces", Georgia, "Iowan Old Style", "Palatino Linotype", serif',
    fontWeight: '650',
  },
  defaultRadius: 'md',
  focusRing: 'always',
  // People who ask their system for less motion get none: transitions and notifications appear at once.
  respectReducedMotion: true,
  cursorType: 'pointer',
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'xl', shadow: 'xs' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Button: { defaultProps: { radius: 'md' } },
  },
});
