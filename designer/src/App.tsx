/** The workflow designer: sign in, then draw, validate, simulate, save and publish department workflows. */
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { readToken } from './api/session.js';
import { Designer } from './components/Designer.js';
import { SignIn } from './components/SignIn.js';

export function App() {
  const [signedIn, setSignedIn] = useState(() => readToken() !== null);
  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} />;
  return (
    <ReactFlowProvider>
      <Designer onSignOut={() => setSignedIn(false)} />
    </ReactFlowProvider>
  );
}
