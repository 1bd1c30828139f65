// The server's public names. Other packages import only from here.
export {};
