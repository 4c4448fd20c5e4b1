// Every Mantine style, for the screens after the first (see firstScreenStyles.ts).
import '@mantine/core/styles.layer.css';
import '@mantine/notifications/styles.layer.css';
