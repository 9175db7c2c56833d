// The --vscode-* variables and body class VS Code gives a webview, for the
// harness's themes (values of VS Code's Dark+, Light+ and Dark High Contrast).

export type ThemeName = 'dark' | 'light' | 'high-contrast';

export interface Theme { bodyClass: string; vars: Record<string, string> }

const common = {
  'font-family': 'system-ui, "Segoe UI", Ubuntu, sans-serif',
  'font-size': '13px',
  'editor-font-family': '"Droid Sans Mono", monospace',
  'editor-font-size': '12px',
};

export const THEMES: Record<ThemeName, Theme> = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      ...common,
      'editor-background': '#1e1e1e', 'editor-foreground': '#d4d4d4', foreground: '#cccccc',
      descriptionForeground: '#ccccccb3', 'panel-border': '#80808059', focusBorder: '#007fd4',
      'textLink-foreground': '#3794ff', 'editorWarning-foreground': '#cca700', errorForeground: '#f48771',
      'charts-green': '#89d185', 'charts-yellow': '#cca700', 'charts-blue': '#3794ff', 'charts-purple': '#b180d7',
      'charts-orange': '#d18616', 'charts-red': '#f14c4c', 'charts-foreground': '#cccccc', 'charts-lines': '#cccccc80',
      'button-background': '#0e639c', 'button-foreground': '#ffffff', 'button-hoverBackground': '#1177bb',
      'button-secondaryBackground': '#3a3d41', 'button-secondaryForeground': '#ffffff', 'button-secondaryHoverBackground': '#45494e',
      'input-background': '#3c3c3c', 'input-foreground': '#cccccc', 'editorWidget-background': '#252526',
      'editorHoverWidget-background': '#252526', 'editorHoverWidget-border': '#454545',
      'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#ffffff',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      ...common,
      'editor-background': '#ffffff', 'editor-foreground': '#000000', foreground: '#616161',
      descriptionForeground: '#717171', 'panel-border': '#80808059', focusBorder: '#0090f1',
      'textLink-foreground': '#006ab1', 'editorWarning-foreground': '#bf8803', errorForeground: '#a1260d',
      'charts-green': '#388a34', 'charts-yellow': '#bf8803', 'charts-blue': '#1a85ff', 'charts-purple': '#652d90',
      'charts-orange': '#d18616', 'charts-red': '#e51400', 'charts-foreground': '#616161', 'charts-lines': '#61616180',
      'button-background': '#007acc', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0062a3',
      'button-secondaryBackground': '#5f6a79', 'button-secondaryForeground': '#ffffff', 'button-secondaryHoverBackground': '#4c5561',
      'input-background': '#ffffff', 'input-foreground': '#616161', 'input-border': '#cecece', 'editorWidget-background': '#f3f3f3',
      'editorHoverWidget-background': '#f3f3f3', 'editorHoverWidget-border': '#c8c8c8',
      'list-activeSelectionBackground': '#0060c0', 'list-activeSelectionForeground': '#ffffff',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      ...common,
      'editor-background': '#000000', 'editor-foreground': '#ffffff', foreground: '#ffffff',
      descriptionForeground: '#ffffffb3', 'panel-border': '#6fc3df', contrastBorder: '#6fc3df', contrastActiveBorder: '#f38518',
      focusBorder: '#f38518', 'textLink-foreground': '#21a6ff', 'editorWarning-foreground': '#ffd370', errorForeground: '#f48771',
      'charts-green': '#89d185', 'charts-yellow': '#ffd370', 'charts-blue': '#3794ff', 'charts-purple': '#b180d7',
      'charts-orange': '#d18616', 'charts-red': '#f48771', 'charts-foreground': '#ffffff', 'charts-lines': '#ffffff80',
      'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df',
      'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff',
      'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df', 'editorWidget-background': '#0c141f',
      'editorHoverWidget-background': '#0c141f', 'editorHoverWidget-border': '#6fc3df',
      'list-activeSelectionBackground': '#000000', 'list-activeSelectionForeground': '#ffffff',
    },
  },
};

/** '#rrggbb' → 'rgb(r,g,b)' as cytoscape reports colours. */
export function rgb(hex: string): string {
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `rgb(${n(1)},${n(3)},${n(5)})`;
}
