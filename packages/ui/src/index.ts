export { hearthTheme, hearthCssVariables, PAGE_BACKGROUND } from './theme';
export { StatusBadge, type StatusBadgeProps, type StatusTone } from './StatusBadge';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { LoadingState } from './LoadingState';
export { InfoRow } from './InfoRow';
