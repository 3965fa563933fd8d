import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineThemeOverride,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Light variants (badges, alerts, active nav items) use a very light tint behind a darkened shade 9,
 * so every status colour, yellow included, reads at WCAG AA contrast.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return base;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color || !input.theme.colors[parsed.color]) return base;
  const shades = input.theme.colors[parsed.color]!;
  return {
    ...base,
    background: shades[0],
    hover: shades[1],
    color: darken(shades[9], parsed.color === 'yellow' || parsed.color === 'lime' ? 0.45 : 0.3),
    border: `1px solid ${shades[2]}`,
  };
};

/**
 * Hearth's one theme, shared by the staff app and the patient portal.
 * Calm and legible: neutral greys, a single indigo accent, text never below 14 px, and every
 * foreground/background pair at WCAG AA contrast (filled buttons use shade 8, dimmed text gray 7).
 */
export const hearthTheme: MantineThemeOverride = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 6 },
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.25rem', lineHeight: '1.35' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.4' },
      h4: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  // The smallest step is 14 px so that no text in the product is smaller.
  fontSizes: { xs: '0.875rem', sm: '0.875rem', md: '1rem', lg: '1.125rem', xl: '1.25rem' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  variantColorResolver,
  focusRing: 'auto',
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', highlightOnHover: true } },
    Card: { defaultProps: { withBorder: true, radius: 'sm', padding: 'md' } },
    Paper: { defaultProps: { radius: 'sm' } },
    // Field errors and descriptions at the 14 px minimum.
    InputWrapper: {
      styles: {
        error: { fontSize: 'var(--mantine-font-size-sm)' },
        description: { fontSize: 'var(--mantine-font-size-sm)' },
      },
    },
    Modal: { defaultProps: { centered: true, closeButtonProps: { 'aria-label': 'Close dialog' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } },
    // Badges carry status text: keep it at the 14 px minimum and in sentence case.
    Badge: {
      defaultProps: { tt: 'none' },
      vars: () => ({ root: { '--badge-fz': 'var(--mantine-font-size-sm)', '--badge-height': '1.5rem' } }),
    },
    Tooltip: { defaultProps: { openDelay: 300 } },
  },
});

/** Overrides the few default CSS variables whose contrast on white is below 4.5:1. */
export const hearthCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

/** Neutral page background behind white cards. */
export const PAGE_BACKGROUND = 'var(--mantine-color-gray-0)';
