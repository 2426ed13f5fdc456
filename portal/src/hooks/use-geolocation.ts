/** "Use my location": asks the browser once and says clearly when it refused. */
import { useCallback, useState } from 'react';

export type LocateState = 'idle' | 'busy' | 'found' | 'denied' | 'unavailable';

export function useGeolocation(onFound: (point: { lat: number; long: number }) => void) {
  const [state, setState] = useState<LocateState>('idle');
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState('unavailable');
      return;
    }
    setState('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState('found');
        onFound({ lat: position.coords.latitude, long: position.coords.longitude });
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }, [onFound]);
  return { state, locate };
}
