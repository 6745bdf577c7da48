/** React owner of the SphereView: creates it on mount, feeds it the projection seed, disposes it on unmount. */
import { useEffect, useId, useRef, useState } from 'react';
import { useLab, useLabContext } from '../labContext';
import { SphereView } from './SphereView';

export function SphereCanvas() {
  const { live } = useLabContext();
  const seed = useLab((state) => state.config.seed);
  const containerRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<SphereView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const hintId = useId();

  useEffect(() => {
    let view: SphereView;
    try {
      view = new SphereView(containerRef.current!, live);
    } catch (err) {
      setFailure((err as Error).message);
      return undefined;
    }
    viewRef.current = view;
    return () => {
      view.dispose();
      viewRef.current = null;
    };
  }, [live]);

  useEffect(() => viewRef.current?.setProjectionSeed(seed), [seed]);

  if (failure) {
    return (
      <div className="sphere-fallback">
        <p>
          The sphere needs WebGL, which this browser could not provide ({failure}). Training and the figures below still work.
        </p>
      </div>
    );
  }
  return (
    <>
      <div ref={containerRef} className="sphere-canvas" tabIndex={0} role="application" aria-label="Embedding sphere" aria-describedby={hintId} />
      <p id={hintId} className="sphere-hint">
        Drag or use the arrow keys to turn, scroll or +/− to zoom, 0 to reset the view.
      </p>
    </>
  );
}
