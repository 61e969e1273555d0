package com.example.app;

import com.example.pets.Pets;
import com.example.pets.model.Owner;
import com.example.pets.model.Pet;

/** Uses the generated client: it compiles only if the plugin generated it and added the source root. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Pets pets = new Pets();
    Pet pet = new Pet().setName("Rex").setLegs(4).setOwner(new Owner().setName("Ada"));
    Pets.PetsOperations.Get get = pets.pets().get(pet.getName());
    System.out.println(get.getName() + " " + pet.getOwner().getName());
  }
}
