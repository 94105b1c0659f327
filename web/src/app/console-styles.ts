/** The full Mantine stylesheet, loaded with the console code only. */
import "@mantine/core/styles.css";
import "./layout.css";
