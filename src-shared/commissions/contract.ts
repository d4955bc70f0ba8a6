// Channels of the commissions domain (defineChannel exports) are declared here.
export {};
