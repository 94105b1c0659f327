import {
  Badge,
  createTheme,
  Loader,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from "@mantine/core";

/** A deep red that keeps white text and red links above 4.5:1 contrast. */
const brand: MantineColorsTuple = [
  "#fdecea",
  "#f9d4d0",
  "#f1a7a0",
  "#e8786e",
  "#e05246",
  "#d9392c",
  "#c62828",
  "#b3261e",
  "#9c1f18",
  "#851a14",
];

export const theme = createTheme({
  primaryColor: "brand",
  primaryShade: 7,
  colors: { brand },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: "700" },
  defaultRadius: "sm",
  components: {
    // Vietnamese tone marks read badly in small capitals.
    Badge: Badge.extend({
      defaultProps: { radius: "sm", variant: "outline" },
      styles: { label: { textTransform: "none" } },
    }),
    // A loader is a status message: its aria-label is announced, and allowed only with a role.
    Loader: Loader.extend({ defaultProps: { role: "status" } }),
  },
});

/** Mantine's default dimmed, placeholder and error colours are below 4.5:1 on white; use darker ones. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "#6b7280",
    "--mantine-color-error": "var(--mantine-color-red-9)",
  },
  dark: {},
});
