// Command hello is the floor for any Go process: konform's plan command is
// measured against it in the same run.
package main

import "fmt"

func main() { fmt.Println("hello") }
