import { Component, type ComponentChildren } from 'preact';

/** Catches a screen that failed to render and offers a way back instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static override getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.error('screen failed', error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main id="main" class="screen">
        <h1>Something went wrong</h1>
        <p class="error" role="alert">
          This screen failed: {this.state.error.message}. Work recorded on this phone is safe in its outbox.
        </p>
        <button type="button" class="button button-primary" onClick={() => location.assign('/')}>
          Back to the dashboard
        </button>
      </main>
    );
  }
}
