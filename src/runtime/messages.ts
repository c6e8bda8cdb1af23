/** The runtime's messages (worker pools, solver loading), in French. */
export const workerStopped = (code: number) => `Un worker de protection s'est arrêté en cours de calcul (code ${code}).`;
export const workerClosed = () => 'Le pool de workers de protection est fermé.';
