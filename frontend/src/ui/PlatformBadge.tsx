import { Badge } from '@mantine/core';
import { platformLabel } from './platforms';

const COLORS: Record<string, string> = {
  linkedin: '#0a66c2',
  x: '#14171a',
  twitter: '#14171a',
  mastodon: '#563acc',
  bluesky: '#0560d4',
  instagram: '#c13584',
  facebook: '#1464d8',
  youtube: '#c4302b',
  github: '#24292f',
  blog: '#b45309',
  podcast: '#7e22ce',
};

export function platformColor(id: string): string {
  return COLORS[id] ?? '#475569';
}

export function PlatformBadge({ platform, label }: { platform: string; label?: string }) {
  return (
    <Badge color={platformColor(platform)} variant="filled" radius="sm" tt="none" style={{ flexShrink: 0, maxWidth: '100%' }}>
      {label ?? platformLabel(platform)}
    </Badge>
  );
}
