import { Component } from 'react';
import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** Last line of defence: an unexpected error is shown in words, never as a blank task pane. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            Brevlådevakten stötte på ett oväntat fel: {this.state.error.message}. Ladda om sidan; om felet
            kvarstår, kontakta din administratör.
          </MessageBarBody>
        </MessageBar>
      );
    }
    return this.props.children;
  }
}
